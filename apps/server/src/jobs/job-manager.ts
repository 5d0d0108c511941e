import { promises as fs } from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import { EventEmitter } from 'events';
import { writeFileAtomic } from '@seg/tensor/node';
import type { JobContext, JobKind, JobProgress, JobRecord } from './types';

/**
 * Runs training jobs one at a time (the machine's cores belong to one job), persists every
 * state change atomically, and on start resumes jobs that a killed server left unfinished.
 */
export class JobManager {
  private readonly kinds = new Map<string, JobKind>();
  private readonly jobs = new Map<string, JobRecord>();
  private readonly controllers = new Map<string, AbortController>();
  private readonly queue: string[] = [];
  private running: string | null = null;
  private closed = false;
  readonly events = new EventEmitter();

  constructor(private readonly root: string) {
    this.events.setMaxListeners(0);
  }

  register<P>(kind: JobKind<P>): void {
    if (this.kinds.has(kind.name)) throw new Error(`job kind '${kind.name}' registered twice`);
    this.kinds.set(kind.name, kind as unknown as JobKind);
  }

  kindNames(): string[] { return [...this.kinds.keys()]; }

  /** Loads job records from disk; unfinished jobs are queued again to resume from their checkpoints. */
  async restore(): Promise<void> {
    await fs.mkdir(this.root, { recursive: true });
    for (const id of await fs.readdir(this.root)) {
      const file = path.join(this.root, id, 'job.json');
      let rec: JobRecord;
      try { rec = JSON.parse(await fs.readFile(file, 'utf8')) as JobRecord; } catch { continue; }
      this.jobs.set(rec.id, rec);
      if (rec.status === 'running' || rec.status === 'queued') {
        rec.resumes += rec.status === 'running' ? 1 : 0;
        rec.status = 'queued';
        await this.save(rec);
        this.queue.push(rec.id);
      }
    }
    this.pump();
  }

  async submit(kindName: string, params: unknown): Promise<JobRecord> {
    const kind = this.kinds.get(kindName);
    if (!kind) throw new Error(`unknown job kind '${kindName}'; known kinds: ${this.kindNames().join(', ') || '(none)'}`);
    const parsed = kind.parse(params);
    const now = new Date().toISOString();
    const rec: JobRecord = { id: randomUUID(), kind: kindName, params: parsed, status: 'queued', createdAt: now, updatedAt: now, progress: null, result: null, error: null, resumes: 0 };
    this.jobs.set(rec.id, rec);
    await this.save(rec);
    this.queue.push(rec.id);
    this.pump();
    return rec;
  }

  get(id: string): JobRecord | undefined { return this.jobs.get(id); }

  list(): JobRecord[] { return [...this.jobs.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)); }

  async cancel(id: string): Promise<JobRecord | undefined> {
    const rec = this.jobs.get(id);
    if (!rec) return undefined;
    if (rec.status === 'queued') {
      this.queue.splice(this.queue.indexOf(id), 1);
      await this.finish(rec, 'cancelled', null, null);
    } else if (rec.status === 'running') {
      this.controllers.get(id)?.abort(new Error('cancelled'));
    }
    return rec;
  }

  /** Stops accepting work and aborts the running job, leaving it 'running' on disk so a restart resumes it. */
  async close(): Promise<void> {
    this.closed = true;
    const id = this.running;
    if (id) this.controllers.get(id)?.abort(new Error('server shutdown'));
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const id = this.queue.shift();
    if (!id) return;
    this.running = id;
    void this.execute(id).finally(() => { this.running = null; this.pump(); });
  }

  private async execute(id: string): Promise<void> {
    const rec = this.jobs.get(id)!;
    const kind = this.kinds.get(rec.kind);
    if (!kind) { await this.finish(rec, 'failed', null, `job kind '${rec.kind}' is not available in this server`); return; }
    const controller = new AbortController();
    this.controllers.set(id, controller);
    const dir = path.join(this.root, id);
    rec.status = 'running';
    await this.save(rec);
    let lastSaved = 0;
    const ctx: JobContext = {
      id, dir, signal: controller.signal, resumed: rec.resumes > 0,
      progress: (p: JobProgress) => {
        rec.progress = p;
        rec.updatedAt = new Date().toISOString();
        this.events.emit(id, rec);
        // progress is persisted at most once a second; the final state is always saved
        const now = Date.now();
        if (now - lastSaved > 1000) { lastSaved = now; void this.save(rec).catch(() => undefined); }
      },
    };
    try {
      const result = await kind.run(ctx, rec.params);
      if (controller.signal.aborted) throw controller.signal.reason;
      await this.finish(rec, 'succeeded', result, null);
    } catch (e) {
      if (this.closed) return; // left as 'running' on disk: resumed at next start
      const cancelled = controller.signal.aborted;
      await this.finish(rec, cancelled ? 'cancelled' : 'failed', null, cancelled ? null : (e as Error).message);
    } finally {
      this.controllers.delete(id);
    }
  }

  private async finish(rec: JobRecord, status: JobRecord['status'], result: unknown, error: string | null): Promise<void> {
    rec.status = status;
    rec.result = result;
    rec.error = error;
    await this.save(rec);
    this.events.emit(rec.id, rec);
  }

  private async save(rec: JobRecord): Promise<void> {
    rec.updatedAt = new Date().toISOString();
    await writeFileAtomic(path.join(this.root, rec.id, 'job.json'), JSON.stringify(rec, null, 2));
  }
}
