// The German language pack: every German sentence of the UI and the host's sentences in German
// (hostSentences.de.ts). A chunk of its own: languages.ts loads it when the page is in German, so an
// English first load never carries it. Nothing else imports the German files.

import { de } from './de.ts';
import { de as config } from './features/config.de.ts';
import { de as deploy } from './features/deploy.de.ts';
import { de as events } from './features/events.de.ts';
import { de as frames } from './features/frames.de.ts';
import { de as doorfile } from './features/doorfile.de.ts';
import { de as tags } from './features/tags.de.ts';
import { de as shell } from './features/shell.de.ts';
import { HOST_SENTENCES_DE } from './hostSentences.de.ts';
import { RUN_VALUE_DE, VALUE_CATALOGUE_DE } from './valueCatalogue.de.ts';
import type { LanguagePack } from './languages.ts';

export const GERMAN: LanguagePack = {
  translation: { ...de, config, deploy, events, frames, doorfile, tags, shell },
  hostSentences: HOST_SENTENCES_DE,
  valueCatalogue: { texts: VALUE_CATALOGUE_DE, runValue: RUN_VALUE_DE },
};
