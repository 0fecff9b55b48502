import { describe, expect, it } from 'vitest';
import { jobsFromEvents } from './job-events';
import { SseParser } from './sse';

describe('SseParser', () => {
  it('parses job frames', () => {
    const parser = new SseParser();
    const events = parser.push('event: job\ndata: {"id":"j1","status":"running"}\n\n');
    expect(events).toEqual([{ event: 'job', data: '{"id":"j1","status":"running"}' }]);
  });

  it('reassembles frames split anywhere, including inside a CRLF', () => {
    const stream = 'event: job\r\ndata: {"a":1}\r\n\r\nevent: job\r\ndata: {"a":2}\r\n\r\n';
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = new SseParser();
      const events = [...parser.push(stream.slice(0, cut)), ...parser.push(stream.slice(cut))];
      expect(events.map((e) => e.data)).toEqual(['{"a":1}', '{"a":2}']);
    }
  });

  it('feeds one character at a time', () => {
    const parser = new SseParser();
    const events = [...'event: job\rdata: x\r\r'].flatMap((ch) => parser.push(ch));
    expect(events).toEqual([{ event: 'job', data: 'x' }]);
  });

  it('joins multi-line data, skips comments, defaults the event name and keeps the id', () => {
    const parser = new SseParser();
    const events = parser.push(': keep-alive\n\nid: 7\ndata: one\ndata:two\nretry: 1000\n\n');
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo', id: '7' }]);
  });

  it('does not dispatch an event without data, nor an unterminated one at the end', () => {
    const parser = new SseParser();
    expect(parser.push('event: job\n\n')).toEqual([]);
    expect(parser.push('event: job\ndata: {"a":1}')).toEqual([]);
    expect(parser.end()).toEqual([]);
  });

  it('strips only one leading space from values', () => {
    const parser = new SseParser();
    expect(parser.push('data:  two spaces\n\n')).toEqual([{ event: 'message', data: ' two spaces' }]);
  });
});

describe('jobsFromEvents', () => {
  it('keeps job events with readable data', () => {
    const jobs = jobsFromEvents([
      { event: 'job', data: '{"id":"j1","status":"queued"}' },
      { event: 'message', data: '{"id":"j2","status":"queued"}' },
      { event: 'job', data: '{"id":' },
    ]);
    expect(jobs.map((job) => job.id)).toEqual(['j1']);
  });
});
