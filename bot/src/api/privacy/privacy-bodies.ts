import { z } from 'zod';
import { because } from '../shared/body-schema';

/**
 * `DELETE /me` (EraseMeRequest): `confirm` is checked first by the route (400 `confirmation_required`);
 * then this schema names what to do with the person's tips and learning requests.
 */
export const eraseMeBody = z.object(
  {
    confirm: z.literal(true, because('confirm', 'required')),
    contributions: z.enum(['anonymise', 'remove'], because('contributions', 'shape')),
  },
  because('body', 'shape'),
);

/** Whether the body says `confirm: true`, whatever else it holds. */
export const confirmed = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as Record<string, unknown>)['confirm'] === true;
