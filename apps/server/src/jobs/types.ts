export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobProgress {
  step: number;
  total: number;
  /** Latest metrics (loss, validation score, ...). */
  metrics?: Record<string, number>;
  message?: string;
}

/** What the server stores per job in `<dataDir>/jobs/<id>/job.json`. */
export interface JobRecord {
  id: string;
  kind: string;
  params: unknown;
  status: JobStatus;
  createdAt: string;
  updatedAt: string;
  progress: JobProgress | null;
  result: unknown;
  error: string | null;
  /** Times the job was resumed after a server restart. */
  resumes: number;
}

export interface JobContext {
  id: string;
  /** The job's own folder (checkpoints, outputs); nothing else is written by the job. */
  dir: string;
  /** Aborted when the job is cancelled or the server shuts down. */
  signal: AbortSignal;
  /** True when this run continues a job interrupted by a restart (look for a checkpoint in `dir`). */
  resumed: boolean;
  progress(p: JobProgress): void;
}

/** A kind of job that a method registers (e.g. 'weak.train', 'interactive.demo'). */
export interface JobKind<P = unknown> {
  name: string;
  /** Validates request parameters; throws an Error with a message for the client. */
  parse(params: unknown): P;
  run(ctx: JobContext, params: P): Promise<unknown>;
}
