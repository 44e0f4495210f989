import { z } from 'zod'

const boolish = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v))

export const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_PATH: z.string().min(1).default('data/hoithi.db'),
  // postgres://… (several hosts and target_session_attrs=primary to follow a promoted standby): the engine
  // runs on PostgreSQL instead of the SQLite file, and several servers may share it.
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres://').optional(),
  DATABASE_POOL: z.coerce.number().int().min(2).max(200).default(10),
  // Connections of a second pool for what reads outside a transaction (sessions, boards), so that reads
  // never queue behind a burst of saves holding every connection of the first (measured: board pages
  // 32/s with one pool of 10, while 100 connections saved answers).
  DATABASE_READ_POOL: z.coerce.number().int().min(1).max(100).default(6),
  TRUST_PROXY: boolish.default(false),
  ADMIN_USERNAME: z.string().min(3).optional(),
  ADMIN_PASSWORD: z.string().min(10, 'ADMIN_PASSWORD cần ít nhất 10 ký tự').optional(),
  GRACE_SEC: z.coerce.number().int().min(0).max(120).default(3),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).default(24 * 14),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  IMPORT_LIMIT_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
  RATE_REGISTER_PER_MIN: z.coerce.number().int().min(1).default(300),
  RATE_SIGNIN_PER_MIN: z.coerce.number().int().min(1).default(300),
  RATE_SIGNIN_FAILS_PER_ID_PER_MIN: z.coerce.number().int().min(1).default(10),
  RATE_START_PER_MIN: z.coerce.number().int().min(1).default(600),
  RATE_START_PER_PARTICIPANT_PER_MIN: z.coerce.number().int().min(1).default(30),
  SEED_DEMO: boolish.default(true),
  // Printed results and certificates (issue 15): the issuing body and place of the documents (the
  // contests table has no organizer field; the contest's root unit, when it has one, is printed above the
  // body), the signer's title, and the public origin the certificates' QR codes point to.
  PRINT_ISSUER: z.string().min(1).default('Ban Tổ chức Cuộc thi'),
  PRINT_PLACE: z.string().min(1).default('Hà Nội'),
  PRINT_SIGNER_TITLE: z.string().min(1).default('Trưởng ban'),
  PUBLIC_ORIGIN: z.string().regex(/^https?:\/\/[^/]+$/, 'PUBLIC_ORIGIN phải có dạng https://ten-mien (không có / ở cuối)').optional(),
  LOG_REQUESTS: boolish.default(true),
})
export type Env = z.infer<typeof EnvSchema>

// The only place that reads process.env: a bad value stops the start with a clear message.
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return parsed.data
}
