import type { Faker, LocaleDefinition, Randomizer } from '@faker-js/faker';
import { faker as de } from '@faker-js/faker/locale/de';
import { faker as en } from '@faker-js/faker/locale/en';
import { faker as enGB } from '@faker-js/faker/locale/en_GB';
import { faker as enUS } from '@faker-js/faker/locale/en_US';
import { faker as es } from '@faker-js/faker/locale/es';
import { faker as fr } from '@faker-js/faker/locale/fr';
import { faker as it } from '@faker-js/faker/locale/it';
import { faker as nl } from '@faker-js/faker/locale/nl';

/*
 * faker's main entry loads all of its ~70 locales (a third of a second of every run's start-up,
 * in each worker thread too); a per-locale entry loads only its own, but exports a ready instance
 * rather than the class and the definitions. That instance's class and merged definitions (the
 * locale, then en, then base: the chain we want) make our instances, on our randomizer.
 */
const FakerClass = en.constructor as typeof Faker;

/** The locales we generate in, each merged with en and base as faker's own instances are. */
export const LOCALES = {
  en: en.rawDefinitions, en_US: enUS.rawDefinitions, en_GB: enGB.rawDefinitions,
  de: de.rawDefinitions, fr: fr.rawDefinitions, es: es.rawDefinitions, it: it.rawDefinitions, nl: nl.rawDefinitions,
} satisfies Record<string, LocaleDefinition>;

/** A faker in `locale` (one of LOCALES) drawing from `randomizer`. */
export function fakerOn(locale: LocaleDefinition, randomizer: Randomizer): Faker {
  return new FakerClass({ locale, randomizer });
}
