import type { GenContext, Value } from './gen-context.js';

/**
 * Semantic kinds: what a column holds, as its name says. Each kind has one generator; the
 * heuristics in `heuristics.ts` decide which kind a column is.
 */
export const KINDS = {
  first_name: (g) => g.persona().firstName,
  last_name: (g) => g.persona().lastName,
  middle_name: (g) => g.faker.person.middleName(),
  full_name: (g) => fullName(g),
  username: (g) => username(g),
  email: (g) => email(g),
  phone: (g) => g.faker.phone.number({ style: 'international' }),
  url: (g) => g.faker.internet.url(),
  domain: (g) => g.faker.internet.domainName(),
  city: (g) => g.faker.location.city(),
  state: (g) => g.faker.location.state(),
  country: (g) => g.faker.location.country(),
  country_code: (g) => g.faker.location.countryCode('alpha-2'),
  postal_code: (g) => g.faker.location.zipCode(),
  street_address: (g) => g.faker.location.streetAddress(),
  company: (g) => g.faker.company.name(),
  job_title: (g) => g.faker.person.jobTitle(),
  title: (g) => g.faker.book.title(),
  product_name: (g) => g.faker.commerce.productName(),
  description: (g) => g.faker.lorem.sentences({ min: 1, max: 3 }),
  body: (g) => g.faker.lorem.paragraphs({ min: 1, max: 3 }),
  comment: (g) => g.faker.lorem.sentence(),
  slug: (g) => g.faker.lorem.slug({ min: 2, max: 4 }),
  color: (g) => g.faker.color.human(),
  ip: (g) => g.faker.internet.ipv4(),
  mac: (g) => g.faker.internet.mac(),
  user_agent: (g) => g.faker.internet.userAgent(),
  token: (g) => g.faker.string.alphanumeric(32),
  hash: (g) => g.faker.string.hexadecimal({ length: 40, casing: 'lower', prefix: '' }),
  currency_code: (g) => g.faker.finance.currencyCode(),
  sku: (g) => `${g.faker.string.alpha({ length: 3, casing: 'upper' })}-${g.faker.string.numeric(5)}`,
  timezone: (g) => g.faker.location.timeZone(),
  locale: (g) => g.rng.pick(['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'ja-JP']),
  file_name: (g) => g.faker.system.fileName(),
  mime_type: (g) => g.faker.system.mimeType(),
  version: (g) => g.faker.system.semver(),
  gender: (g) => g.rng.pick(['female', 'male', 'non-binary']),
  barcode: (g) => g.faker.string.numeric({ length: 13, allowLeadingZeros: false }),
  isbn: (g) => g.faker.commerce.isbn(13),
  iban: (g) => g.faker.finance.iban(),
  bic: (g) => g.faker.finance.bic(),
  word: (g) => g.faker.lorem.word(),
  name: (g) => g.faker.lorem.words({ min: 1, max: 3 }),
} satisfies Record<string, (g: GenContext) => Value>;

export type SemanticKind = keyof typeof KINDS;

function fullName(g: GenContext): string {
  const p = g.persona();
  return `${p.firstName} ${p.lastName}`;
}

function username(g: GenContext): string {
  const p = g.persona();
  return g.faker.internet.username({ firstName: p.firstName, lastName: p.lastName });
}

function email(g: GenContext): string {
  const p = g.persona();
  return g.faker.internet.email({ firstName: p.firstName, lastName: p.lastName, provider: 'example.com' });
}
