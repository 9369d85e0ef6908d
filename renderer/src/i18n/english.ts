// Every English sentence of the UI in one translation: the app's own (en.ts) and each feature's. It
// is in the entry chunk: English is what the window shows first and what every other language
// falls back to.

import { en } from './en.ts';
import { en as config } from './features/config.ts';
import { en as deploy } from './features/deploy.ts';
import { en as events } from './features/events.ts';
import { en as frames } from './features/frames.ts';
import { en as doorfile } from './features/doorfile.ts';
import { en as tags } from './features/tags.ts';
import { en as shell } from './features/shell.ts';

export const ENGLISH = { ...en, config, deploy, events, frames, doorfile, tags, shell };

/** The shape every language's translation has. */
export type Translation = typeof ENGLISH;
