// Sentences of the doorfile page, English and German side by side so they stay in step.
export const en = {
  title: 'Door files',
};

export const de: typeof en = {
  title: 'Türdateien',
};
