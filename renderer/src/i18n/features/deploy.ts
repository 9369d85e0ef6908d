// Sentences of the deploy page, English and German side by side so they stay in step.
export const en = {
  title: 'Deploy',
};

export const de: typeof en = {
  title: 'Aufspielen',
};
