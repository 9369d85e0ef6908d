// Sentences of the frames page, English and German side by side so they stay in step.
export const en = {
  title: 'Frame log',
};

export const de: typeof en = {
  title: 'Frame-Protokoll',
};
