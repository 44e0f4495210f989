// What a person calls each field the API reads, so a refusal names it as the form does, never as a path.
// tests/api/validation-messages.test.ts checks every key of api/schemas has one.
export const FIELD_LABELS: Record<string, string> = {
  // people and sign-in
  fullName: 'Họ và tên', name: 'Họ và tên', dateOfBirth: 'Ngày sinh', phone: 'Số điện thoại', nationalId: 'Số CCCD',
  position: 'Chức vụ', consent: 'Sự đồng ý', identifier: 'Tên đăng nhập hoặc số điện thoại', password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại', newPassword: 'Mật khẩu mới', username: 'Tên đăng nhập', role: 'Vai trò',
  // contests, units, rounds
  title: 'Tiêu đề', slug: 'Đường dẫn (slug)', description: 'Mô tả', rules: 'Thể lệ', status: 'Trạng thái',
  onePrizePerPerson: 'Mỗi người một giải', units: 'Danh sách đơn vị', unitId: 'Đơn vị', code: 'Mã', parentCode: 'Mã đơn vị cấp trên',
  parentId: 'Đơn vị cấp trên', headcount: 'Số thành viên', opensAt: 'Thời gian mở', closesAt: 'Thời gian đóng',
  freezeAt: 'Thời điểm đóng băng bảng xếp hạng', graceSec: 'Thời gian gia hạn', questionCount: 'Số câu hỏi',
  timeLimitSec: 'Thời gian làm bài', maxAttempts: 'Số lượt thi tối đa', blueprint: 'Cơ cấu đề', count: 'Số lượng',
  prediction: 'Dự đoán', enabled: 'Bật', target: 'Điều cần dự đoán', tiebreak: 'Tiêu chí phụ', prizes: 'Giải cá nhân',
  unitPrizes: 'Giải tập thể', minScore: 'Điểm tối thiểu', reviewKeys: 'Xem đáp án sau khi thi', top: 'Chỉ cấp cao nhất',
  // questions and judging
  topic: 'Chủ đề', tag: 'Nhãn', tags: 'Nhãn', difficulty: 'Độ khó', type: 'Loại câu hỏi', stem: 'Nội dung câu hỏi',
  options: 'Phương án', key: 'Ký hiệu phương án', text: 'Nội dung', pinned: 'Giữ vị trí', correct: 'Đáp án đúng',
  explanation: 'Giải thích', source: 'Nguồn', document: 'Tài liệu', section: 'Mục', url: 'Địa chỉ', group: 'Nhóm biến thể',
  weight: 'Trọng số', choice: 'Phương án chọn', message: 'Nội dung', participantId: 'Thí sinh', questionId: 'Câu hỏi',
  reason: 'Lý do', took: 'Đã thi', format: 'Định dạng tệp', mode: 'Cách nhập',
  // paging, filters and ids in the address
  id: 'Mã', ids: 'Các mục đã chọn', sort: 'Sắp xếp theo', order: 'Thứ tự sắp xếp',
  limit: 'Số dòng mỗi trang', offset: 'Vị trí bắt đầu', q: 'Từ khóa tìm kiếm', from: 'Từ ngày', to: 'Đến ngày',
  action: 'Hành động', actorId: 'Người thực hiện', bucketMinutes: 'Độ dài mỗi khoảng (phút)', contestId: 'Cuộc thi',
  roundId: 'Đợt thi', userId: 'Tài khoản', attemptId: 'Lượt thi',
}

// The same name means another thing in the address: /attempts/:attemptId/items/:position.
export const PARAM_LABELS: Record<string, string> = { position: 'Số thứ tự câu hỏi' }

export const GENERIC_FIELD = 'Dữ liệu'
