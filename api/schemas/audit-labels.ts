// The audit log stores codes (hashed as written); people read these words, on the screen and in the CSV.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'contest.create': 'Tạo cuộc thi',
  'contest.update': 'Sửa cuộc thi',
  'contest.published': 'Công bố cuộc thi',
  'contest.archived': 'Lưu trữ cuộc thi',
  'contest.draft': 'Chuyển cuộc thi về nháp',
  'units.upsert': 'Cập nhật đơn vị',
  'units.delete': 'Xóa đơn vị',
  'round.create': 'Tạo đợt thi',
  'round.update': 'Sửa đợt thi',
  'round.disqualify': 'Loại thí sinh',
  'round.undisqualify': 'Hủy loại thí sinh',
  'round.regrade': 'Chấm lại câu hỏi',
  'round.finalize': 'Chốt kết quả',
  'question.update': 'Sửa câu hỏi',
  'question.create': 'Thêm câu hỏi',
  'questions.import': 'Nhập câu hỏi',
  'questions.bulk': 'Thao tác hàng loạt với câu hỏi',
  'topic.create': 'Tạo chủ đề',
  'topic.update': 'Sửa chủ đề',
  'topic.delete': 'Xóa chủ đề',
  'user.create': 'Tạo tài khoản cán bộ',
  'user.password_change': 'Tự đổi mật khẩu',
  'user.password_reset': 'Cấp lại mật khẩu cán bộ',
  'user.disable': 'Khóa tài khoản',
  'user.enable': 'Mở khóa tài khoản',
  'user.sessions_end': 'Đăng xuất mọi phiên',
  'coordinator.appoint': 'Bổ nhiệm điều phối viên',
  'coordinator.remove': 'Bãi nhiệm điều phối viên',
  'participant.password_reset': 'Cấp lại mật khẩu thí sinh',
  'participant.correct': 'Sửa thông tin thí sinh',
}

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  contest: 'Cuộc thi', round: 'Đợt thi', question: 'Câu hỏi', staff_user: 'Tài khoản cán bộ', participant: 'Thí sinh',
  unit: 'Đơn vị', topic: 'Chủ đề', certificate: 'Giấy chứng nhận',
}

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Quản trị viên', organizer: 'Ban Tổ chức', judge: 'Ban Giám khảo', coordinator: 'Điều phối viên', participant: 'Thí sinh',
}

// An action no one has named yet still reads as something: its code, which the CSV also keeps.
export const actionLabel = (action: string) => AUDIT_ACTION_LABELS[action] ?? action
export const entityLabel = (entity: string) => AUDIT_ENTITY_LABELS[entity] ?? entity
export const roleLabel = (role: string) => ROLE_LABELS[role] ?? role
