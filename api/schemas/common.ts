import { z } from 'zod'

// A time must carry an explicit offset (Z or ±hh:mm): a bare local time is refused (SPEC §8).
export const IsoTime = z.iso.datetime({ offset: true, message: 'thời gian phải theo ISO 8601 và có múi giờ (ví dụ 2026-01-05T03:00:00Z)' })
  .transform((s) => Date.parse(s))

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  q: z.string().max(200).optional(),
})
