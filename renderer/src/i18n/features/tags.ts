// Sentences of the tags page, English and German side by side so they stay in step.
export const en = {
  title: 'Tags',
};

export const de: typeof en = {
  title: 'Tags',
};
