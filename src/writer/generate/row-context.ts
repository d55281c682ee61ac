import type { Faker } from '@faker-js/faker';
import type { GenContext, Persona, Place } from '../../inference/gen-context.js';
import type { SeededFaker } from '../../inference/faker-context.js';
import type { Rng } from '../../inference/rng.js';

export interface RowContextHost {
  persona(i: number): Persona;
  place(i: number): Place;
  pool(key: string, make: (faker: Faker) => string): readonly string[];
}

/**
 * The GenContext value generators get: one object per table generator, pointed at each (column,
 * row, attempt) in turn instead of a fresh object and closures per value (that garbage was a fifth
 * of a large run's time). A generator uses its context before it returns and keeps none of it;
 * the row's persona and place are computed once per row, as they depend on the row alone.
 */
export class RowContext implements GenContext {
  readonly rng: Rng;
  readonly faker: Faker;
  row = -1;
  private personaRow = -1;
  private personaValue: Persona | null = null;
  private placeRow = -1;
  private placeValue: Place | null = null;

  constructor(private readonly host: RowContextHost, sf: SeededFaker) {
    this.rng = sf.rng;
    this.faker = sf.faker;
  }

  at(i: number): this {
    this.row = i;
    return this;
  }

  persona(): Persona {
    if (this.personaRow !== this.row || !this.personaValue) {
      this.personaValue = this.host.persona(this.row);
      this.personaRow = this.row;
    }
    return this.personaValue;
  }

  place(): Place {
    if (this.placeRow !== this.row || !this.placeValue) {
      this.placeValue = this.host.place(this.row);
      this.placeRow = this.row;
    }
    return this.placeValue;
  }

  pooled(key: string, make: (faker: Faker) => string): string {
    const pool = this.host.pool(key, make);
    return pool[Math.floor(this.rng.next() * pool.length)]!;
  }
}
