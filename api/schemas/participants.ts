import { z } from 'zod'
import { PersonName, VisibleLine } from './text'

export const RegisterInput = z.object({
  fullName: PersonName(2, 120),
  dateOfBirth: z.iso.date('ngày sinh theo dạng YYYY-MM-DD'),
  phone: z.string().trim().min(9).max(20),
  nationalId: z.string().trim().max(20).optional().nullable(),
  unitId: z.string().min(1).max(100),
  password: z.string().min(6, 'mật khẩu tối thiểu 6 ký tự').max(200),
  position: VisibleLine(0, 200).optional().nullable(),
  consent: z.literal(true, 'cần đồng ý tham gia và công bố họ tên, đơn vị trên bảng xếp hạng'),
})
export type RegisterInput = z.infer<typeof RegisterInput>

export const SignInInput = z.object({ identifier: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) })
export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(6, 'mật khẩu mới tối thiểu 6 ký tự').max(200) })
export const SetUnitInput = z.object({ unitId: z.string().min(1).max(100) })

export const AnswerInput = z.object({ choice: z.array(z.string().regex(/^[A-F]$/, 'phương án là một chữ từ A đến F')).max(6) })
export const SubmitInput = z.object({ prediction: z.number().int('dự đoán phải là số nguyên').min(0, 'dự đoán phải ≥ 0').max(1e12).optional().nullable() })
export const ReportInput = z.object({ message: z.string().trim().min(3, 'nội dung phản ánh quá ngắn').max(2000) })
