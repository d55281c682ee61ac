import type { Faker, LocaleDefinition } from '@faker-js/faker';
import { LOCALES, fakerOn } from './faker-locales.js';
import type { Place } from './gen-context.js';
import { LazyPool } from './lazy-pool.js';
import { Rng } from './rng.js';

interface Country {
  readonly name: string;
  readonly code: string;
  readonly locale: LocaleDefinition;
  readonly timeZone: string;
  /** Relative frequency. */
  readonly weight: number;
}

// a few countries whose faker locales know their own cities, regions and postal codes
const COUNTRIES: readonly Country[] = [
  { name: 'United States', code: 'US', locale: LOCALES.en_US, timeZone: 'America/New_York', weight: 5 },
  { name: 'United Kingdom', code: 'GB', locale: LOCALES.en_GB, timeZone: 'Europe/London', weight: 2 },
  { name: 'Germany', code: 'DE', locale: LOCALES.de, timeZone: 'Europe/Berlin', weight: 2 },
  { name: 'France', code: 'FR', locale: LOCALES.fr, timeZone: 'Europe/Paris', weight: 2 },
  { name: 'Spain', code: 'ES', locale: LOCALES.es, timeZone: 'Europe/Madrid', weight: 1 },
  { name: 'Italy', code: 'IT', locale: LOCALES.it, timeZone: 'Europe/Rome', weight: 1 },
  { name: 'Netherlands', code: 'NL', locale: LOCALES.nl, timeZone: 'Europe/Amsterdam', weight: 1 },
];
const TOTAL_WEIGHT = COUNTRIES.reduce((n, c) => n + c.weight, 0);

/**
 * A country's street names, building numbers and cities: faker expands a template for each
 * (a place took 13.5 µs, most of it there), so they come from pools, built once per process.
 */
interface CountryPools {
  readonly street: LazyPool;
  readonly building: LazyPool;
  readonly city: LazyPool;
  /** The locale's street address format, e.g. `{{location.buildingNumber}} {{location.street}}`. */
  readonly format: string;
}

const POOLS = new Map<string, CountryPools>();

function poolsOf(country: Country, f: Faker): CountryPools {
  let pools = POOLS.get(country.code);
  if (!pools) {
    const at = (what: string, make: (faker: Faker) => string) => new LazyPool(`place:${country.code}:${what}`, country.locale, make);
    const formats = f.definitions.location.street_address as { normal?: string } | undefined;
    pools = {
      street: at('street', (x) => x.location.street()),
      building: at('building', (x) => x.location.buildingNumber()),
      city: at('city', (x) => x.location.city()),
      format: formats?.normal ?? '{{location.buildingNumber}} {{location.street}}',
    };
    POOLS.set(country.code, pools);
  }
  return pools;
}

/** Places drawn from a seeded stream: the same seed gives the same place, fields that agree. */
export class PlaceMaker {
  private readonly rng = new Rng(0);
  private readonly fakers = new Map<string, Faker>();

  at(seed: number): Place {
    this.rng.reseed(seed);
    let pick = this.rng.next() * TOTAL_WEIGHT;
    const country = COUNTRIES.find((c) => (pick -= c.weight) < 0) ?? COUNTRIES[0]!;
    const f = this.faker(country);
    const pools = poolsOf(country, f);
    return {
      street: streetAddress(pools, this.rng, f),
      city: pools.city.pick(this.rng.next()),
      state: f.location.state(),
      postalCode: f.location.zipCode(),
      country: country.name,
      countryCode: country.code,
      timeZone: country.timeZone,
    };
  }

  private faker(country: Country): Faker {
    let f = this.fakers.get(country.code);
    if (!f) {
      const rng = this.rng;
      f = fakerOn(country.locale, { next: () => rng.next(), seed: () => undefined });
      this.fakers.set(country.code, f);
    }
    return f;
  }
}

/** The locale's street address from pooled parts: a street and a building number drawn per row. */
function streetAddress(pools: CountryPools, rng: Rng, f: Faker): string {
  const street = pools.street.pick(rng.next());
  const building = pools.building.pick(rng.next());
  const address = pools.format.replace('{{location.street}}', () => street).replace('{{location.buildingNumber}}', () => building);
  // a format with other parts (none of our locales has one) is faker's to expand
  return address.includes('{{') ? f.helpers.fake(pools.format) : address;
}
