import type { GenContext, Value } from './gen-context.js';

/**
 * Semantic kinds: what a column holds, as its name says. Each kind has one generator; the
 * heuristics in `heuristics.ts` decide which kind a column is. Kinds whose faker call expands
 * templates or builds text (user agents 6.6 µs a value, company names 3.7, job titles 2.5; a
 * column's own faker stream costs 0.3) draw from a run-wide pool instead (`g.pooled`).
 */
export const KINDS = {
  first_name: (g) => g.persona().firstName,
  last_name: (g) => g.persona().lastName,
  middle_name: (g) => g.faker.person.middleName(),
  full_name: (g) => fullName(g),
  username: (g) => username(g),
  email: (g) => email(g),
  phone: (g) => g.faker.phone.number({ style: 'international' }),
  url: (g) => g.pooled('url', (f) => f.internet.url()),
  domain: (g) => g.pooled('domain', (f) => f.internet.domainName()),
  city: (g) => g.place().city,
  state: (g) => g.place().state,
  country: (g) => g.place().country,
  country_code: (g) => g.place().countryCode,
  postal_code: (g) => g.place().postalCode,
  street_address: (g) => g.place().street,
  company: (g) => g.pooled('company', (f) => f.company.name()),
  job_title: (g) => g.pooled('job_title', (f) => f.person.jobTitle()),
  title: (g) => g.faker.book.title(),
  product_name: (g) => g.pooled('product_name', (f) => f.commerce.productName()),
  description: (g) => g.pooled('description', (f) => f.lorem.sentences({ min: 1, max: 3 })),
  body: (g) => g.pooled('body', (f) => f.lorem.paragraphs({ min: 1, max: 3 })),
  comment: (g) => g.pooled('comment', (f) => f.lorem.sentence()),
  slug: (g) => g.faker.lorem.slug({ min: 2, max: 4 }),
  color: (g) => g.faker.color.human(),
  ip: (g) => g.faker.internet.ipv4(),
  mac: (g) => g.faker.internet.mac(),
  user_agent: (g) => g.pooled('user_agent', (f) => f.internet.userAgent()),
  token: (g) => g.faker.string.alphanumeric(32),
  hash: (g) => g.faker.string.hexadecimal({ length: 40, casing: 'lower', prefix: '' }),
  currency_code: (g) => g.faker.finance.currencyCode(),
  sku: (g) => `${g.faker.string.alpha({ length: 3, casing: 'upper' })}-${g.faker.string.numeric(5)}`,
  timezone: (g) => g.place().timeZone,
  locale: (g) => g.rng.pick(['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'it-IT', 'nl-NL', 'pt-BR', 'ja-JP']),
  file_name: (g) => g.faker.system.fileName(),
  mime_type: (g) => g.faker.system.mimeType(),
  version: (g) => g.faker.system.semver(),
  gender: (g) => g.rng.pick(['female', 'male', 'non-binary']),
  barcode: (g) => g.faker.string.numeric({ length: 13, allowLeadingZeros: false }),
  isbn: (g) => g.faker.commerce.isbn(13),
  iban: (g) => g.faker.finance.iban(),
  bic: (g) => g.faker.finance.bic(),
  // person
  avatar_url: (g) => g.faker.image.avatar(),
  bio: (g) => g.pooled('bio', (f) => f.person.bio()),
  name_prefix: (g) => g.faker.person.prefix(),
  name_suffix: (g) => g.faker.person.suffix(),
  national_id: (g) => `${g.faker.string.numeric(3)}-${g.faker.string.numeric(2)}-${g.faker.string.numeric(4)}`,
  external_auth_id: (g) => externalAuthId(g),
  // address
  street_name: (g) => g.pooled('street_name', (f) => f.location.street()),
  building_number: (g) => g.faker.location.buildingNumber(),
  secondary_address: (g) => g.faker.location.secondaryAddress(),
  county: (g) => g.faker.location.county(),
  state_code: (g) => g.faker.location.state({ abbreviated: true }),
  country_code3: (g) => g.faker.location.countryCode('alpha-3'),
  // company
  industry: (g) => g.faker.commerce.department(),
  department: (g) => g.faker.commerce.department(),
  catch_phrase: (g) => g.faker.company.catchPhrase(),
  vat_number: (g) => `${g.rng.pick(['DE', 'FR', 'GB', 'NL', 'ES', 'IT'])}${g.faker.string.numeric(9)}`,
  school_name: (g) => `${g.faker.location.city()} ${g.rng.pick(['High School', 'Academy', 'Primary School', 'College', 'Grammar School'])}`,
  // commerce
  price_text: (g) => g.faker.commerce.price(),
  order_number: (g) => `ORD-${g.faker.string.numeric(8)}`,
  invoice_number: (g) => `INV-${g.faker.string.numeric(4)}-${g.faker.string.numeric(5)}`,
  tracking_code: (g) => `1Z${g.faker.string.alphanumeric({ length: 16, casing: 'upper' })}`,
  product_description: (g) => g.pooled('product_description', (f) => f.commerce.productDescription()),
  category: (g) => g.faker.commerce.department(),
  brand: (g) => g.pooled('brand', (f) => f.company.name().split(/[ ,]/)[0] ?? f.company.name()),
  material: (g) => g.faker.commerce.productMaterial(),
  coupon_code: (g) => g.faker.string.alphanumeric({ length: 8, casing: 'upper' }),
  account_number: (g) => g.faker.finance.accountNumber(10),
  credit_card: (g) => g.faker.finance.creditCardNumber(),
  // content
  tag: (g) => g.faker.word.noun(),
  emoji: (g) => g.faker.internet.emoji(),
  keywords: (g) => g.faker.lorem.words(3).split(' ').join(', '),
  channel_name: (g) => g.faker.lorem.slug({ min: 1, max: 2 }),
  status: (g) => g.rng.pick(['active', 'active', 'active', 'pending', 'inactive', 'archived']),
  role: (g) => g.rng.pick(['member', 'member', 'member', 'admin', 'viewer', 'owner']),
  priority: (g) => g.rng.pick(['low', 'medium', 'medium', 'high', 'urgent']),
  // technical
  ipv6: (g) => g.faker.internet.ipv6(),
  hostname: (g) => g.pooled('domain', (f) => f.internet.domainName()),
  file_path: (g) => g.faker.system.filePath(),
  file_extension: (g) => g.faker.system.fileExt(),
  api_key: (g) => `sk_${g.rng.pick(['live', 'test'])}_${g.faker.string.alphanumeric(24)}`,
  // replaced per run by the hash of the known password (see inference/password.ts)
  password_hash: (g) => g.faker.string.alphanumeric(60),
  sha256: (g) => g.faker.string.hexadecimal({ length: 64, casing: 'lower', prefix: '' }),
  uuid_text: (g) => g.faker.string.uuid(),
  color_hex: (g) => g.faker.color.rgb(),
  http_method: (g) => g.rng.pick(['GET', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  url_path: (g) => `/${g.faker.lorem.slug({ min: 1, max: 3 }).replace(/-/g, '/')}`,
  language: (g) => g.faker.location.language().name,
  language_code: (g) => g.faker.location.language().alpha2,
  device: (g) => g.rng.pick(['desktop', 'mobile', 'tablet']),
  vin: (g) => g.faker.vehicle.vin(),
  license_plate: (g) => g.faker.vehicle.vrm(),
  booking_reference: (g) => g.faker.airline.recordLocator(),
  word: (g) => g.faker.lorem.word(),
  name: (g) => g.pooled('name', (f) => f.lorem.words({ min: 1, max: 3 })),
} satisfies Record<string, (g: GenContext) => Value>;

export type SemanticKind = keyof typeof KINDS;

/** An identity-provider subject, shaped like the provider's: `auth0|…`, `google-oauth2|…`. */
function externalAuthId(g: GenContext): string {
  switch (g.rng.int(0, 2)) {
    case 0: return `auth0|${g.faker.string.hexadecimal({ length: 24, casing: 'lower', prefix: '' })}`;
    case 1: return `google-oauth2|${g.faker.string.numeric(21)}`;
    default: return `github|${g.faker.string.numeric(8)}`;
  }
}

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
