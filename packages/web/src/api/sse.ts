// An incremental parser for the text/event-stream format (WHATWG HTML, "Server-sent events" §9.2.6).
// EventSource would do this for us but cannot send an Authorization header, so the job stream is read with
// fetch and its chunks are fed through here.
//
//   event: job\n
//   data: {"id":"…","status":"running",…}\n
//   \n                                   <- a blank line dispatches the event

export interface SseEvent {
  /** The `event:` field; 'message' when the frame has none. */
  event: string;
  /** The `data:` lines joined with '\n'. */
  data: string;
  /** The last `id:` seen, if any. */
  id?: string;
}

export class SseParser {
  private buffer = '';
  private eventType = '';
  private dataLines: string[] = [];
  private lastId: string | undefined;
  private afterCr = false;

  /** Feeds a decoded chunk; returns the events it completed (possibly none). */
  push(chunk: string): SseEvent[] {
    let incoming = chunk;
    // The previous chunk ended in '\r': if this one starts with '\n', the two were one CRLF line break.
    if (this.afterCr) {
      this.afterCr = false;
      if (incoming.startsWith('\n')) incoming = incoming.slice(1);
    }
    const text = this.buffer + incoming;
    const events: SseEvent[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\n' && ch !== '\r') continue;
      this.line(text.slice(start, i), events);
      if (ch === '\r') {
        if (i + 1 === text.length) this.afterCr = true;
        else if (text[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    this.buffer = text.slice(start);
    return events;
  }

  /** Call when the stream ends: a last line without its newline still counts, an unterminated event does not. */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    const rest = this.buffer;
    this.buffer = '';
    this.afterCr = false;
    if (rest) this.line(rest, events);
    this.eventType = '';
    this.dataLines = [];
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === '') {
      this.dispatch(events);
      return;
    }
    if (line.startsWith(':')) return; // a comment, used by servers as a keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventType = value;
    else if (field === 'data') this.dataLines.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
    // 'retry' and unknown fields are ignored: we reconnect by polling, not by EventSource's timer.
  }

  private dispatch(events: SseEvent[]): void {
    if (this.dataLines.length > 0) {
      const event: SseEvent = { event: this.eventType || 'message', data: this.dataLines.join('\n') };
      if (this.lastId !== undefined) event.id = this.lastId;
      events.push(event);
    }
    this.eventType = '';
    this.dataLines = [];
  }
}
