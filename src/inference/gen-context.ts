import type { Faker } from '@faker-js/faker';
import type { Rng } from './rng.js';

/** A value as generators produce it, before COPY encoding. */
export type Value =
  | null
  | string
  | number
  | bigint
  | boolean
  | Uint8Array
  | { readonly json: unknown }
  /** A server-side SQL expression (overrides.ts `sql\`…\``): written by INSERT, never by COPY. */
  | { readonly sql: string }
  | readonly Value[];

/** The person a row is about: every name-like column of the row derives from it. */
export interface Persona {
  readonly firstName: string;
  readonly lastName: string;
}

/** Where a row is: every location column of the row agrees with it (one country, its cities and codes). */
export interface Place {
  readonly street: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly country: string;
  readonly countryCode: string;
  readonly timeZone: string;
}

/**
 * What a value generator may use: randomness seeded for this (column, row), and the row's
 * persona. Nothing else of the row: so any one column of any row can be computed alone, which
 * is how a child finds its parent's key without querying.
 */
export interface GenContext {
  readonly rng: Rng;
  readonly faker: Faker;
  /** 0-based index of the row in its table. */
  readonly row: number;
  persona(): Persona;
  place(): Place;
  /**
   * One of a run-wide pool of values `make` produced (built once per run from the seed): for
   * costly text such as paragraphs, picked per row by this row's randomness.
   */
  pooled(key: string, make: (faker: Faker) => string): string;
}

export type ValueFn = (g: GenContext) => Value;
