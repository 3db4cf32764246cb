/**
 * Where a SCORM package keeps progress when no LMS API is found (opened from disk, previewed on a
 * web server): this device's localStorage, in the same codec as suspend_data, plus memory when
 * storage is disabled. No network calls are made in this mode (reliability R15).
 */
import type { CourseData } from '../../course-data.js';
import type { ProgressState } from '../../tracker.js';
import { decodeProgress, encodeProgress } from '../resume/progress-codec.js';
import type { ScormVersion } from './lms-connection.js';

export type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface StandaloneStore {
  load(): { readonly state: ProgressState | undefined; readonly partial: boolean };
  save(state: ProgressState): void;
}

export function createStandaloneStore(course: CourseData, version: ScormVersion, storage: StorageLike | undefined): StandaloneStore {
  const key = `coursemark:scorm${version}:${course.id}@${course.version}`;
  let memory: ProgressState | undefined;
  return {
    load() {
      if (memory !== undefined) return { state: memory, partial: false };
      let text: string | null = null;
      try {
        text = storage?.getItem(key) ?? null;
      } catch (error: unknown) {
        console.warn('coursemark: could not read saved progress', error);
      }
      if (text === null || text === '') return { state: undefined, partial: false };
      const decoded = decodeProgress(text, course);
      return decoded.ok ? { state: decoded.state, partial: false } : { state: undefined, partial: true };
    },
    save(state) {
      memory = state;
      try {
        storage?.setItem(key, encodeProgress(state, course));
      } catch (error: unknown) {
        // Quota or disabled storage: memory still holds this session's progress.
        console.warn('coursemark: could not save progress on this device', error);
      }
    },
  };
}
