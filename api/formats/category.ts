// Moodle category paths look like "$course$/top/Lịch sử/Đại hội XIII"; a "/" inside a name is written "//".
// The topic is the last segment: the innermost category is what the questions are about.
export const DEFAULT_TOPIC = 'imported'
export const TOPIC_MAX = 80

export function categoryTopic(path: string): string {
  const segments = path
    .replace(/\/\//g, '\u0000')
    .split('/')
    .map((s) => s.replace(/\u0000/g, '/').trim())
    .filter((s) => s !== '')
  const names = segments.filter((s, i) => !/^\$[a-z0-9]+\$$/i.test(s) && !(s === 'top' && (i === 0 || /^\$/.test(segments[i - 1]))))
  return names.length > 0 ? names[names.length - 1] : DEFAULT_TOPIC
}

// The category path a GIFT or XML export writes for a topic.
export const topicCategory = (topic: string): string => `$course$/top/${topic.replace(/\//g, '//')}`

// A topic longer than the schema allows is cut rather than failing every question under it.
export function fitTopic(topic: string): { topic: string; cut: boolean } {
  const chars = [...topic.trim()]
  return chars.length > TOPIC_MAX ? { topic: chars.slice(0, TOPIC_MAX).join('').trim(), cut: true } : { topic: topic.trim(), cut: false }
}
