// Sentences of the config page, English and German side by side so they stay in step.
export const en = {
  title: 'Configuration',
};

export const de: typeof en = {
  title: 'Konfiguration',
};
