/** Word lists for demo data that looks like a real customer base. */
// prettier-ignore
export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'Lucas', 'Mia', 'Mateo', 'Amelia',
  'Hiroshi', 'Priya', 'Chen', 'Fatima', 'Jonas', 'Ingrid', 'Diego', 'Chloé', 'Rafael', 'Aisha',
  'Kwame', 'Yuki', 'Sven', 'Lena', 'Marco', 'Zoe', 'Omar', 'Nora', 'Ivan', 'Leila', 'Tomás',
  'Grace', 'Samuel', 'Hannah', 'Daniel', 'Isabel', 'Ethan', 'Freya', 'Arjun',
];

// prettier-ignore
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Garcia', 'Miller', 'Davis', 'Martínez', 'Müller',
  'Schmidt', 'Tanaka', 'Sato', 'Patel', 'Sharma', 'Wang', 'Li', 'Okafor', 'Mensah', 'Nielsen',
  'Johansson', 'Rossi', 'Bianchi', 'Dubois', 'Moreau', 'Kowalski', 'Novak', 'Silva', 'Santos',
  'O’Brien', 'Murphy', 'Khan', 'Haddad', 'Cohen', 'Levi', 'Ivanova', 'Petrov', 'Nguyen', 'Kim',
];

// prettier-ignore
export const COMPANIES = [
  'Northwind Traders', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Foods',
  'Acme Robotics', 'Hooli', 'Vandelay Imports', 'Soylent Labs', 'Cyberdyne Systems', 'Tyrell Corp',
  'Wonka Confections', 'Gringotts Finance', 'Oceanic Airlines', 'Blue Sun', 'Massive Dynamic',
  'Aperture Science', 'Black Mesa Research', 'Nakatomi Trading', 'Prestige Worldwide',
  'Pied Piper', 'Dunder Mifflin', 'Sterling Cooper', 'Bluth Company', 'Monarch Solutions',
];

// prettier-ignore
export const TAGS = ['vip', 'newsletter', 'enterprise', 'smb', 'partner', 'trial', 'renewal', 'eu', 'us', 'apac'];

export const INTERACTION_SUBJECTS = {
  note: ['Account notes', 'Follow up next quarter', 'Prefers e-mail contact', 'Budget approved'],
  call: ['Discovery call', 'Pricing discussion', 'Support escalation', 'Quarterly check-in'],
  email: ['Sent proposal', 'Invoice question', 'Onboarding materials', 'Renewal reminder'],
  meeting: ['On-site demo', 'Contract review', 'Kick-off meeting', 'Executive briefing'],
} as const;

export const PRODUCTS = [
  { description: 'Annual subscription', unitPriceCents: 120_000 },
  { description: 'Onboarding package', unitPriceCents: 45_000 },
  { description: 'Extra seats (10)', unitPriceCents: 25_000 },
  { description: 'Premium support', unitPriceCents: 60_000 },
  { description: 'Training day', unitPriceCents: 95_000 },
  { description: 'Data migration', unitPriceCents: 150_000 },
];

/** A small seeded generator (mulberry32), so the demo data is the same on every machine. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export type SeededRandom = ReturnType<typeof seededRandom>;

export const DAY = 24 * 60 * 60 * 1000;

/** Customers as a real base looks: common names, addresses, companies, statuses and tags. */
export function demoCustomers(random: SeededRandom, count: number, now: number) {
  return Array.from({ length: count }, (_, i) => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const createdAt = new Date(now - random.int(0, 365) * DAY - random.int(0, DAY));
    const local = `${firstName}.${lastName}`.normalize('NFKD').replace(/[^A-Za-z.]/g, '');
    return {
      firstName,
      lastName,
      email: `${local.toLowerCase()}.${i + 1}@example.com`,
      company: random.next() < 0.85 ? random.pick(COMPANIES) : null,
      phone: `+1 555 ${String(random.int(100, 999))} ${String(random.int(1000, 9999))}`,
      status: random.pick([
        'lead',
        'lead',
        'active',
        'active',
        'active',
        'inactive',
        'churned',
      ] as const),
      tags: [...new Set([random.pick(TAGS), random.pick(TAGS)])].slice(0, random.int(0, 2)),
      createdAt,
      updatedAt: createdAt,
    };
  });
}
