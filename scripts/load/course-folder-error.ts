/** The course folder cannot be read as a course (missing, not a folder, unreadable): a usage problem, not a content one. */
export class CourseFolderError extends Error {}
