// The answer grades Moodle accepts (question_bank::fraction_options_full), in percent. Moodle refuses
// a file with any other grade, so these importers do too rather than guess what was meant.
const GRADES = [100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0]

export const isMoodleGrade = (percent: number): boolean => GRADES.some((g) => Math.abs(Math.abs(percent) - g) < 0.001)

export const invalidGradeMessage = (values: number[]): string =>
  `mức điểm ${values.map((v) => `${v}%`).join(', ')} không phải mức Moodle cho phép (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 và các số âm tương ứng).`
