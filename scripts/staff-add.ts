// Adds a staff account from the command line: npm run staff:add -- USERNAME ROLE "Full name" [PASSWORD]
// Without a password one is generated and printed once.
import { loadEnv } from '../api/env'
import { AppError } from '../api/errors'
import { generatePassword } from '../api/lib/password'
import { CreateUserInput } from '../api/schemas/admin'
import { SYSTEM_ACTOR } from '../api/services/audit'
import { createStaffAccount } from '../api/services/staff'
import { openStore } from '../db/open-store'

const [username, role, name, given] = process.argv.slice(2)
if (!username || !role || !name) {
  console.error('Cách dùng: npm run staff:add -- TÊN_ĐĂNG_NHẬP organizer|judge|admin "Họ và tên" [MẬT_KHẨU]')
  process.exit(2)
}
const password = given ?? generatePassword(14)
const input = CreateUserInput.safeParse({ username, role, name, password })
if (!input.success) {
  console.error(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'))
  process.exit(2)
}
const { store, close } = await openStore(loadEnv())
try {
  const user = await createStaffAccount(store, SYSTEM_ACTOR, input.data, Date.now())
  console.log(`Đã tạo ${user.role} "${user.username}"${given ? '' : ` với mật khẩu: ${password}`}`)
} catch (err) {
  console.error(err instanceof AppError ? err.message : err)
  process.exitCode = 1
} finally {
  await close()
}
