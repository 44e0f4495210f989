// Checks the audit log's hash chain: npm run audit:verify. Prints the head to compare with published results.
import { loadEnv } from '../api/env'
import { verifyChain } from '../api/services/audit'
import { openStore } from '../db/open-store'

const { store, close } = await openStore(loadEnv())
const result = await store.read(verifyChain()).finally(close)
if (result.ok) console.log(`Nhật ký kiểm toán toàn vẹn: ${result.count} mục, mã đầu chuỗi (head) ${result.head}`)
else {
  console.error(`Nhật ký kiểm toán bị sửa đổi: chuỗi băm gãy tại mục số ${result.brokenAt}.`)
  process.exit(1)
}
