export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ROUND_NOT_OPEN: 409,
  ROUND_NOT_CLOSED: 409,
  NO_ATTEMPTS_LEFT: 409,
  ATTEMPT_CLOSED: 409,
  DUPLICATE_PERSON: 409,
  UNIT_REQUIRED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const
export type ErrorCode = keyof typeof ERROR_STATUS

export class AppError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown) {
    super(message)
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`)
export const invalid = (message: string, details?: unknown) => new AppError('VALIDATION_FAILED', message, details)
export const conflict = (message: string) => new AppError('CONFLICT', message)
export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new AppError('FORBIDDEN', message)
