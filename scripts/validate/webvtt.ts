/**
 * Checks a caption or subtitle file against WebVTT (W3C WebVTT, "file structure" 4.1 and "cue
 * timings" 4.2.1): the `WEBVTT` signature, every cue's timing line, end after start, cues in order
 * of start time and not overlapping (overlapping captions hide each other on a small screen; two
 * voices at once belong in one cue). Each problem is a `captions-invalid` message at the cue.
 */
import type { VFile } from 'vfile';
import { report } from '../diagnostics/report.js';

// WebVTT 4.2.1: hours (two or more digits, optional), minutes and seconds 00-59, three-digit milliseconds.
const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/;

/** A cue's times in seconds, with where its timing line is. */
export interface Cue {
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

function seconds(stamp: string): number | undefined {
  const match = TIMESTAMP.exec(stamp);
  if (!match) return undefined;
  const [, hours = '0', minutes = '0', secs = '0', millis = '0'] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(secs) + Number(millis) / 1000;
}

const shown = (time: number): string => {
  const whole = Math.floor(time);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}.${String(Math.round((time - whole) * 1000)).padStart(3, '0')}`;
};

/** Reports every problem of a WebVTT file on it and returns the cues it could read. */
export function checkWebVtt(file: VFile): Cue[] {
  const lines = String(file.value).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const at = (line: number, column = 1) => ({ line: line + 1, column });
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    report(file, 'captions-invalid', 'A caption file starts with the line "WEBVTT" (WebVTT 4.1). Save it as WebVTT (.vtt), not SRT or plain text, or add that line at the top.', at(0));
    return [];
  }
  const cues: Cue[] = [];
  let index = 1;
  // The header runs to the first blank line.
  while (index < lines.length && (lines[index] ?? '').trim() !== '') index += 1;
  while (index < lines.length) {
    while (index < lines.length && (lines[index] ?? '').trim() === '') index += 1;
    if (index >= lines.length) break;
    const first = index;
    const block: string[] = [];
    while (index < lines.length && (lines[index] ?? '').trim() !== '') block.push(lines[index++] ?? '');
    const head = block[0] ?? '';
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(head)) continue;
    // An optional cue identifier comes before the timing line.
    const timingOffset = head.includes('-->') ? 0 : 1;
    const timing = block[timingOffset];
    const line = first + timingOffset;
    if (timing === undefined || !timing.includes('-->')) {
      report(file, 'captions-invalid', `This block is not a cue: a cue starts with a timing line such as "00:00:01.000 --> 00:00:04.000" (WebVTT 4.1), optionally after a name on its own line. Separate cues with one blank line.`, at(first));
      continue;
    }
    const match = TIMING.exec(timing.trim());
    const start = match ? seconds(match[1] ?? '') : undefined;
    const end = match ? seconds(match[2] ?? '') : undefined;
    if (start === undefined || end === undefined) {
      report(file, 'captions-invalid', `The timing line "${timing.trim().slice(0, 60)}" cannot be read: write "hh:mm:ss.ttt --> hh:mm:ss.ttt" or "mm:ss.ttt --> mm:ss.ttt", with a full stop before the three-digit milliseconds (SRT's comma is not WebVTT).`, at(line));
      continue;
    }
    const endColumn = timing.indexOf('-->') + 4 + (timing.slice(timing.indexOf('-->') + 3).length - timing.slice(timing.indexOf('-->') + 3).trimStart().length);
    if (end <= start) {
      report(file, 'captions-invalid', `This cue ends (${shown(end)}) before it starts (${shown(start)}). Check the second time.`, at(line, endColumn));
      continue;
    }
    if (block.length <= timingOffset + 1) {
      report(file, 'captions-invalid', 'This cue has no text: write the caption on the lines below its timing line, or remove the cue.', at(line));
    }
    const previous = cues.at(-1);
    if (previous && start < previous.start) {
      report(file, 'captions-invalid', `This cue starts at ${shown(start)}, before the cue on line ${previous.line + 1} (${shown(previous.start)}): cues go in order of their start times.`, at(line));
    } else if (previous && start < previous.end) {
      report(file, 'captions-invalid', `This cue starts at ${shown(start)}, while the cue on line ${previous.line + 1} is still shown (until ${shown(previous.end)}): captions that overlap hide each other. End that cue first, or put both lines in one cue.`, at(line));
    }
    cues.push({ start, end, line });
  }
  return cues;
}
