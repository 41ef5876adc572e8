import type { Language, Texts } from '../catalogue.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it } from './it.js';
import { ru } from './ru.js';

/** The server's texts for notices and emails, in the six languages. */
export const TEXTS: Record<Language, Texts> = { en, fr, de, it, ru, es };
