// Global tamper-alarm notifications (owned by the Events page work); rendered on every page.
export function TamperNotifications() {
  return null;
}
