import { Rng } from '@quarry/ml';

/**
 * A small seeded corpus for the text lesson: support tickets to the churn lab's telecom operator, each about one
 * of four themes. Every ticket mixes two phrases of its theme with generic openers and closers, so the generic
 * words occur everywhere (low IDF) and the theme words cluster (what a topic model should find).
 */
export const TICKET_THEMES = {
  billing: [
    'I was charged twice on my last bill',
    'the invoice is higher than usual',
    'my direct debit payment failed',
    'please refund the late payment fee',
    'there is a roaming charge on my bill I do not recognise',
    'the monthly charge went up without notice',
  ],
  network: [
    'there is no signal at home since Monday',
    'my calls keep dropping in the evening',
    'mobile data is very slow in the city centre',
    'the fiber router loses connection every night',
    'is there an outage in my area',
    'internet speed is far below what the plan promises',
  ],
  device: [
    'the phone screen cracked and I need a repair',
    'my new handset battery drains in a few hours',
    'the sim card is not recognised by the phone',
    'I want a replacement charger under warranty',
    'the phone restarts on its own after the update',
    'my handset arrived broken in the box',
  ],
  contract: [
    'I want to cancel my contract',
    'what is the early termination fee to leave',
    'my contract ends next month and I may switch provider',
    'can I upgrade my plan to get a better offer',
    'another provider offers a cheaper deal so I am thinking of leaving',
    'please send the renewal offer and discount before my contract ends',
  ],
} as const;

export type TicketTheme = keyof typeof TICKET_THEMES;

const OPENERS = ['Hello,', 'Hi,', 'Good morning,', 'Dear support,', ''];
const CLOSERS = [
  'Please help.',
  'Thanks for your help.',
  'Can you help me?',
  'Thank you.',
  'Please call me back.',
  '',
];

export interface Ticket {
  text: string;
  theme: TicketTheme;
}

/** `count` tickets, themes in rotation, phrases and greetings drawn with a seeded generator. */
export function supportTickets(count = 240, seed = 7): Ticket[] {
  const rng = new Rng(seed);
  const themes = Object.keys(TICKET_THEMES) as TicketTheme[];
  return Array.from({ length: count }, (_, i) => {
    const theme = themes[i % themes.length];
    const phrases = TICKET_THEMES[theme];
    const a = rng.nextInt(phrases.length);
    const b = (a + 1 + rng.nextInt(phrases.length - 1)) % phrases.length;
    const text = [
      OPENERS[rng.nextInt(OPENERS.length)],
      `${phrases[a]}, and ${phrases[b]}.`,
      CLOSERS[rng.nextInt(CLOSERS.length)],
    ]
      .filter(Boolean)
      .join(' ');
    return { text, theme };
  });
}
