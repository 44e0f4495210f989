import { z } from 'zod'

// Path parameters that name a stored row, shared by the routes of every resource that reaches it.
export const Id = z.string().min(1).max(100)

export const ContestParam = z.object({ contestId: Id })
export const RoundParam = z.object({ roundId: Id })
export const AttemptParam = z.object({ attemptId: Id })
export const QuestionParam = z.object({ questionId: Id })
export const PersonParam = z.object({ participantId: Id })
export const UserParam = z.object({ userId: Id })
export const UnitParam = z.object({ unitId: Id })
