import type { Faker, Randomizer } from '@faker-js/faker';
import { LOCALES, fakerOn } from './faker-locales.js';
import { Rng } from './rng.js';

/**
 * One faker whose randomness comes from an `Rng` we re-seed per value, so faker's output is
 * row-addressable too. Re-seeding through the randomizer avoids faker's own (slower) seeding.
 */
export class SeededFaker {
  readonly rng = new Rng(0);
  readonly faker: Faker;

  constructor() {
    const rng = this.rng;
    const randomizer: Randomizer = {
      next: () => rng.next(),
      seed: (seed) => rng.reseed(Array.isArray(seed) ? (seed[0] ?? 0) : seed),
    };
    this.faker = fakerOn(LOCALES.en, randomizer);
  }

  /** Points both the rng and faker at the stream `seed`. */
  at(seed: number): this {
    this.rng.reseed(seed);
    return this;
  }
}
