import { describe, expect, it } from 'vitest'
import { categoryTopic, fitTopic, topicCategory } from '../../api/formats/category'
import { decodeEntities, hasMedia, htmlToText } from '../../api/formats/html-text'

describe('HTML to text', () => {
  it('keeps paragraphs and line breaks, drops tags, scripts and comments, collapses spaces', () => {
    expect(htmlToText('<p>Đại   hội <b>XIII</b></p>\n<p>họp<br/>năm 2021</p><!-- x --><script>alert(1)</script>')).toBe('Đại hội XIII\n\nhọp\nnăm 2021')
  })

  it('decodes named, numeric and old Latin-1 entities used for Vietnamese letters', () => {
    expect(decodeEntities('&lt;b&gt; &amp; &quot;x&quot; &#272;&#7841;i h&#x1ED9;i &agrave; &Ecirc; &unknown;')).toBe('<b> & "x" Đại hội à Ê &unknown;')
    expect(htmlToText('&lt;p&gt; là chữ')).toBe('<p> là chữ')
  })

  it('recognizes embedded media and links to media files', () => {
    expect(hasMedia('<img src="a.png">')).toBe(true)
    expect(hasMedia('@@PLUGINFILE@@/x.pdf')).toBe(true)
    expect(hasMedia('<a href="http://x.vn/nghe.mp3">nghe</a>')).toBe(true)
    expect(hasMedia('![ảnh](a.png)')).toBe(true)
    expect(hasMedia('<a href="http://x.vn/trang">trang</a>')).toBe(false)
  })
})

describe('Moodle categories', () => {
  it('takes the last segment, without $course$ or top, with // as a slash', () => {
    expect(categoryTopic('$course$/top/Lịch sử/Đại hội XIII')).toBe('Đại hội XIII')
    expect(categoryTopic('$course$/Default for New Features')).toBe('Default for New Features')
    expect(categoryTopic(' $system$/top/A//B ')).toBe('A/B')
    expect(categoryTopic('$course$/top')).toBe('imported')
    expect(categoryTopic(topicCategory('Văn kiện/XIII'))).toBe('Văn kiện/XIII')
  })

  it('cuts a topic longer than 80 characters and says so', () => {
    expect(fitTopic('đ'.repeat(81))).toEqual({ topic: 'đ'.repeat(80), cut: true })
    expect(fitTopic(' Kỷ niệm ')).toEqual({ topic: 'Kỷ niệm', cut: false })
  })
})
