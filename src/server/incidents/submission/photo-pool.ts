import { Worker } from 'node:worker_threads';
import { Problem } from '../../http/problems.js';
import { serverFile } from '../../paths.js';

export type PhotoType = 'image/jpeg' | 'image/png';

/** Why the pool gave no clean photo back. */
export type PhotoRefusalReason = 'pixels' | 'unreadable' | 'too_large' | 'too_slow' | 'too_much_memory';

export class PhotoRefusal extends Error {
  constructor(readonly reason: PhotoRefusalReason) {
    super(reason);
  }
}

export interface PhotoJob {
  type: PhotoType;
  bytes: Buffer;
  maxPixels: number;
  maxOutputBytes: number;
}

export interface PhotoPoolOptions {
  workers: number;
  /** Photos that may wait for a thread; a report whose photos do not fit is refused at once. */
  queue: number;
  timeoutMs: number;
  memoryMb: number;
}

interface Task {
  id: number;
  job: PhotoJob;
  resolve(bytes: Buffer): void;
  reject(error: Error): void;
}

interface Reply {
  id: number;
  bytes?: Uint8Array;
  refusal?: PhotoRefusalReason;
}

/**
 * A few worker threads that clean photos (photo-worker.mjs), so that decoding a large picture
 * never holds the event loop. Each photo has a time budget and each thread a heap budget: a
 * thread that exceeds either is ended and replaced, and the photo refused. Threads start on first
 * use, and close() ends them all.
 */
export class PhotoPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, { task: Task; timer: NodeJS.Timeout }>();
  private readonly waiting: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PhotoPoolOptions) {}

  /** Cleans the photos of one report; all of them are queued, or none (503 when the queue is full). */
  cleanAll(jobs: PhotoJob[]): Promise<PromiseSettledResult<Buffer>[]> {
    if (this.closed) throw new Problem('unavailable', 'The server is shutting down.');
    const free = this.options.workers - this.busy.size;
    if (this.waiting.length + jobs.length - free > this.options.queue) {
      throw new Problem('unavailable', 'Too many photos are being processed. Please send the report again in a minute.', {
        retryAfterSeconds: 60,
      });
    }
    const results = jobs.map(
      (job) =>
        new Promise<Buffer>((resolve, reject) => {
          this.waiting.push({ id: this.nextId++, job, resolve, reject });
        }),
    );
    this.dispatch();
    return Promise.allSettled(results);
  }

  /** Ends every thread; photos still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new Problem('unavailable', 'The server is shutting down.'));
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    for (const { task, timer } of this.busy.values()) {
      clearTimeout(timer);
      task.reject(new Problem('unavailable', 'The server is shutting down.'));
    }
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(serverFile('incidents/submission/photo-worker.mjs'), {
      workerData: { memoryMb: this.options.memoryMb },
      resourceLimits: {
        maxOldGenerationSizeMb: this.options.memoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.ceil(this.options.memoryMb / 4)),
      },
    });
    // An idle thread must not keep the process alive.
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(worker, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      this.fail(worker, new PhotoRefusal(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_much_memory' : 'unreadable'));
    });
    worker.on('exit', () => this.fail(worker, new PhotoRefusal('unreadable')));
    return worker;
  }

  private dispatch(): void {
    while (!this.closed && this.waiting.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size + this.idle.length < this.options.workers ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.waiting.shift() as Task;
      const timer = setTimeout(() => {
        this.fail(worker, new PhotoRefusal('too_slow'));
        void worker.terminate();
      }, this.options.timeoutMs);
      this.busy.set(worker, { task, timer });
      worker.ref();
      // A copy of its own, so that moving it to the thread never takes a pooled buffer away.
      const bytes = new Uint8Array(task.job.bytes);
      worker.postMessage({ id: task.id, ...task.job, bytes }, [bytes.buffer]);
    }
  }

  private settle(worker: Worker, reply: Reply): void {
    const current = this.busy.get(worker);
    if (!current || current.task.id !== reply.id) return;
    clearTimeout(current.timer);
    this.busy.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (reply.bytes) current.task.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    else current.task.reject(new PhotoRefusal(reply.refusal ?? 'unreadable'));
    this.dispatch();
  }

  /** The thread is lost (timed out, out of memory, crashed): refuse its photo, drop it, go on. */
  private fail(worker: Worker, error: Error): void {
    const current = this.busy.get(worker);
    const index = this.idle.indexOf(worker);
    if (index >= 0) this.idle.splice(index, 1);
    if (current) {
      clearTimeout(current.timer);
      this.busy.delete(worker);
      current.task.reject(error);
    }
    this.dispatch();
  }
}
