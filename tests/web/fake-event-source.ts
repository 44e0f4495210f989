import { vi } from 'vitest'

// A stand-in for the SSE stream: the test decides when the standings version moves.
export class FakeEventSource {
  static all: FakeEventSource[] = []
  listeners = new Map<string, ((e: MessageEvent) => void)[]>()
  constructor(readonly url: string) { FakeEventSource.all.push(this) }
  addEventListener(type: string, fn: (e: MessageEvent) => void) { this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]) }
  emit(type: string, data?: unknown) { for (const fn of this.listeners.get(type) ?? []) fn(new MessageEvent(type, { data: JSON.stringify(data) })) }
  close() {}
}

// Installs it as the global EventSource, forgetting the streams of earlier tests.
export function stubEventSource() {
  FakeEventSource.all = []
  vi.stubGlobal('EventSource', FakeEventSource)
}
