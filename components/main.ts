/**
 * The player's default entry: mounts the course with whatever adapter `virtual:coursemark/tracker`
 * names (the web build's localStorage tracker unless a build maps it elsewhere).
 */
import * as course from 'virtual:coursemark/course';
import * as tracking from 'virtual:coursemark/tracker';
import { mount } from './mount.js';

mount(tracking, course);
