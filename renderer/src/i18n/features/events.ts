// Sentences of the events page, English and German side by side so they stay in step.
export const en = {
  title: 'Events',
};

export const de: typeof en = {
  title: 'Ereignisse',
};
