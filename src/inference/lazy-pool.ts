import type { Faker, LocaleDefinition } from '@faker-js/faker';
import { fakerOn } from './faker-locales.js';
import { Rng, hashString, mix } from './rng.js';

/**
 * A vocabulary of faker values that are costly to make (templates expanded per call: street
 * names, cities, last names), each entry made on first use from a stream seeded by the pool's
 * name and the entry's index: the same entries in any order, thread or run, and only the entries
 * a run draws are ever made. Rows pick entries by their own streams, so row i still gets the
 * same value everywhere.
 */
export class LazyPool {
  private readonly values: (string | undefined)[];
  private readonly rng = new Rng(0);
  private readonly faker: Faker;
  private readonly salt: number;

  constructor(name: string, locale: LocaleDefinition, private readonly make: (faker: Faker) => string, readonly size = DEFAULT_SIZE) {
    this.values = new Array<string | undefined>(size);
    this.salt = hashString(name);
    const rng = this.rng;
    this.faker = fakerOn(locale, { next: () => rng.next(), seed: () => undefined });
  }

  /** The entry that `draw` (in [0, 1)) lands on. */
  pick(draw: number): string {
    const k = Math.floor(draw * this.size);
    let value = this.values[k];
    if (value === undefined) {
      this.rng.reseed(mix(this.salt, k));
      value = this.values[k] = this.make(this.faker);
    }
    return value;
  }
}

/** Entries per pool: several thousand distinct values, next to what the other fields add per row. */
const DEFAULT_SIZE = 4096;
