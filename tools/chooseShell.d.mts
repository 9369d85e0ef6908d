// Types of tools/chooseShell.mjs for the tests.
export function chooseShell(opts?: {
  wantWeb?: boolean;
  env?: Record<string, string | undefined>;
  platform?: string;
  installed?: string | null;
  refusal?: string | null;
  fetch?: () => Promise<{ binary?: string; reason?: string }>;
  onFetch?: () => void;
}): Promise<{ electron?: string; web?: string }>;
