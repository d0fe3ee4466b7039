import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  CANDIDATE_EVENT_TYPES,
  type LiveEnvelope,
  type LiveEventMap,
  type LiveServerSideEvents,
  type LiveServerToClient,
} from '@app/contracts';
import { recordAssessmentCopies, replayLiveEvents } from '@app/pipeline';
import type { BroadcastOperator as TypedBroadcastOperator, Namespace, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/principal.js';
import { LiveMetrics } from '../metrics/live-metrics.js';
import { RecentEvents } from './recent-events.js';

/** What the hub broadcasts: `event` and `events` messages, to sockets of this node. */
type BroadcastOperator = TypedBroadcastOperator<Pick<LiveServerToClient, 'event' | 'events'>, unknown>;

interface Subscriber {
  socket: Socket;
  principal: Principal;
  /** Last sequence number delivered, per stream. */
  delivered: Map<string, number>;
  /** Streams being replayed, with the live events that came meanwhile: they go out after the replay. */
  replaying: Map<string, LiveEnvelope[]>;
}

/**
 * How often a node compares its subscribers' positions with the recorded streams. NOTIFY is not
 * durable: one sent while this node's LISTEN connection was down (PostgreSQL restarting) is gone,
 * and the event it carried reaches subscribers through this check instead.
 */
export const RESYNC_INTERVAL_MS = 2000;

/**
 * Delivers every stream to its subscribers on this node in sequence order: no gaps (a missing
 * sequence number is fetched from the database), no duplicates, no reordering. Events produced
 * elsewhere (judges, other API nodes) arrive through the PostgreSQL adapter.
 */
@Injectable()
export class LiveHub implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveHub.name);
  private readonly subscribers = new Map<string, Subscriber>();
  private readonly byStream = new Map<string, Set<Subscriber>>();
  private namespace?: Namespace<Record<string, never>, Record<string, never>, LiveServerSideEvents>;
  private resyncTimer?: NodeJS.Timeout;
  private resyncing?: Promise<void>;
  private copying: Promise<void> = Promise.resolve();
  /** Session events waiting for their assessment copies, by assessment, in the order they were committed. */
  private readonly uncopied = new Map<string, LiveEnvelope[]>();
  private copyScheduled = false;
  private readonly recent = new RecentEvents();

  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: LiveMetrics,
  ) {}

  attach(namespace: Namespace): void {
    this.namespace = namespace;
    this.namespace.on('live:events', (envelopes: LiveEnvelope[]) => {
      if (Array.isArray(envelopes)) this.deliver(envelopes);
    });
    this.resyncTimer = setInterval(() => {
      this.resyncing ??= this.resync()
        .catch((error: unknown) => this.logger.warn(`resync failed: ${String(error)}`))
        .finally(() => (this.resyncing = undefined));
    }, RESYNC_INTERVAL_MS);
    this.resyncTimer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.resyncTimer);
    await this.resyncing;
    await this.copying;
  }

  /** Sends every subscriber what was recorded on its streams and has not reached it (lost NOTIFYs). */
  async resync(): Promise<void> {
    const streams = [...this.byStream.keys()];
    if (streams.length === 0) return;
    const rows = await this.dataSource.query<{ stream: string; lastSeq: number }[]>(
      'SELECT stream, "lastSeq" FROM live_streams WHERE stream = ANY($1)',
      [streams],
    );
    for (const { stream, lastSeq } of rows) {
      for (const subscriber of this.byStream.get(stream) ?? []) {
        if (subscriber.replaying.has(stream) || (subscriber.delivered.get(stream) ?? lastSeq) >= lastSeq) continue;
        await this.catchUp(subscriber, stream);
      }
    }
  }

  connected(socket: Socket, principal: Principal): void {
    this.subscribers.set(socket.id, { socket, principal, delivered: new Map(), replaying: new Map() });
    this.metrics.socketConnections.set(this.subscribers.size);
  }

  disconnected(socket: Socket): void {
    const subscriber = this.subscribers.get(socket.id);
    if (!subscriber) return;
    for (const stream of subscriber.delivered.keys()) this.leave(subscriber, stream);
    this.subscribers.delete(socket.id);
    this.metrics.socketConnections.set(this.subscribers.size);
  }

  /** Replays the stream after `afterSeq`, then keeps the socket on it. Returns what was replayed. */
  async subscribe(socket: Socket, stream: string, afterSeq: number): Promise<{ replayed: number; lastSeq: number }> {
    const subscriber = this.subscribers.get(socket.id);
    if (!subscriber) return { replayed: 0, lastSeq: afterSeq };
    subscriber.delivered.set(stream, afterSeq);
    const arrived: LiveEnvelope[] = [];
    subscriber.replaying.set(stream, arrived);
    let members = this.byStream.get(stream);
    if (!members) this.byStream.set(stream, (members = new Set()));
    members.add(subscriber);
    try {
      // A submission this node saw from its start is replayed from memory (most subscriptions: a candidate's
      // to the submission they just made); any other from the database.
      const recent = this.recent.after(stream, afterSeq);
      if (recent) this.sendNew(subscriber, stream, recent);
      else await this.catchUp(subscriber, stream);
    } finally {
      subscriber.replaying.delete(stream);
    }
    // Events that arrived while the replay was read: those it did not include, in order; a gap among
    // them (an event recorded during the replay whose announcement is still on its way) is read.
    const next: LiveEnvelope[] = [];
    for (const envelope of arrived.sort((a, b) => a.seq - b.seq)) {
      const last = subscriber.delivered.get(stream);
      if (last === undefined || envelope.seq <= last) continue;
      if (envelope.seq !== last + 1) {
        this.send(subscriber, next.splice(0));
        await this.catchUp(subscriber, stream);
        break;
      }
      subscriber.delivered.set(stream, envelope.seq);
      next.push(envelope);
    }
    this.send(subscriber, next);
    const lastSeq = subscriber.delivered.get(stream) ?? afterSeq;
    return { replayed: lastSeq - afterSeq, lastSeq };
  }

  unsubscribe(socket: Socket, stream: string): void {
    const subscriber = this.subscribers.get(socket.id);
    if (!subscriber) return;
    subscriber.delivered.delete(stream);
    this.leave(subscriber, stream);
  }

  private leave(subscriber: Subscriber, stream: string): void {
    const members = this.byStream.get(stream);
    members?.delete(subscriber);
    if (members?.size === 0) this.byStream.delete(stream);
  }

  /**
   * Events recorded by this node: delivered here, and sent to the other nodes unless their statement
   * `announced` them already (`recordAndAnnounceLiveEvents`).
   */
  publish(envelopes: readonly LiveEnvelope[], announced = false): void {
    if (envelopes.length === 0) return;
    this.deliver(envelopes);
    if (!announced) this.namespace?.serverSideEmit('live:events', [...envelopes]);
  }

  /**
   * Session events committed by this node: published, then copied onto the assessment's stream and those
   * copies published (`recordAssessmentCopies`). Copies are recorded one statement after another, each taking
   * every event its assessment's sessions committed meanwhile, so that the assessment stream keeps the order in
   * which this node committed them; the request waits for neither.
   */
  publishSessionEvents(assessmentId: string, envelopes: readonly LiveEnvelope[], announced = false): void {
    // Delivered once the request's response is on its way: a candidate's autosave does not wait for the
    // broadcast to everyone watching the session.
    setImmediate(() => this.publish(envelopes, announced));
    const waiting = this.uncopied.get(assessmentId);
    if (waiting) {
      waiting.push(...envelopes); // goes with the next statement for that assessment
      return;
    }
    this.uncopied.set(assessmentId, [...envelopes]);
    if (!this.copyScheduled) {
      this.copyScheduled = true;
      this.copying = this.copying.then(() => this.copyAll());
    }
  }

  /**
   * Records the waiting copies, one statement per assessment for whatever its sessions committed meanwhile
   * (a cohort submitting together costs one statement, not one each), until none is left.
   */
  private async copyAll(): Promise<void> {
    try {
      while (this.uncopied.size > 0) {
        const [assessmentId, envelopes] = this.uncopied.entries().next().value!;
        this.uncopied.delete(assessmentId); // what its sessions commit from now on goes with the next statement
        try {
          const copies = await recordAssessmentCopies(this.dataSource.manager, assessmentId, envelopes);
          this.publish(copies.envelopes, copies.announced);
        } catch (error) {
          this.logger.warn(`assessment ${assessmentId}: events not copied: ${String(error)}`);
        }
      }
    } finally {
      this.copyScheduled = false; // in the same turn as the last check: nothing waits unseen
    }
  }

  /** Waits for the assessment copies under way (tests; shutdown). */
  settled(): Promise<void> {
    return this.copying;
  }

  get connections(): number {
    return this.subscribers.size;
  }

  /**
   * Delivers events that came together (one NOTIFY, one commit of this node) to their streams' subscribers
   * on this node, in order: each subscriber next in line for them gets all of its share in one message, and
   * subscribers with the same share get it in one broadcast (socket.io encodes it once, however many sockets
   * receive it). One that missed an earlier event reads what it missed first.
   */
  private deliver(envelopes: readonly LiveEnvelope[]): void {
    const shares = new Map<Subscriber, LiveEnvelope[]>();
    const behind = new Map<Subscriber, Set<string>>();
    for (const envelope of envelopes) {
      this.recent.add(envelope);
      if (envelope.type === 'submission.finished' && envelope.stream.startsWith('submission:'))
        this.observeVerdict(envelope);
      for (const subscriber of this.byStream.get(envelope.stream) ?? []) {
        const waiting = subscriber.replaying.get(envelope.stream);
        if (waiting) {
          waiting.push(envelope); // sent after the replay, unless the replay had it
          continue;
        }
        const last = subscriber.delivered.get(envelope.stream);
        if (last === undefined || envelope.seq <= last) continue;
        if (envelope.seq === last + 1 && !behind.get(subscriber)?.has(envelope.stream)) {
          subscriber.delivered.set(envelope.stream, envelope.seq);
          let share = shares.get(subscriber);
          if (!share) shares.set(subscriber, (share = []));
          share.push(envelope);
        } else {
          let streams = behind.get(subscriber);
          if (!streams) behind.set(subscriber, (streams = new Set()));
          streams.add(envelope.stream);
        }
      }
    }
    this.sendShares(shares);
    for (const [subscriber, streams] of behind) {
      for (const stream of streams) {
        this.catchUp(subscriber, stream).catch((error: unknown) =>
          this.logger.warn(`catch-up of ${stream} failed: ${String(error)}`),
        );
      }
    }
  }

  /** Sends, in order and in one message, every recorded event the subscriber has not had yet. */
  private async catchUp(subscriber: Subscriber, stream: string): Promise<void> {
    const after = subscriber.delivered.get(stream);
    if (after === undefined) return;
    this.sendNew(subscriber, stream, await replayLiveEvents(this.dataSource.manager, stream, after));
  }

  /** Sends, in one message, those of a stream's events (in order) the subscriber has not had yet. */
  private sendNew(subscriber: Subscriber, stream: string, envelopes: readonly LiveEnvelope[]): void {
    const next: LiveEnvelope[] = [];
    for (const envelope of envelopes) {
      const last = subscriber.delivered.get(stream);
      if (last === undefined || envelope.seq <= last) continue;
      subscriber.delivered.set(stream, envelope.seq);
      next.push(envelope);
    }
    this.send(subscriber, next);
  }

  private observeVerdict(envelope: LiveEnvelope): void {
    const { kind, verdict, latencyMs } = envelope.payload as LiveEventMap['submission.finished'];
    this.metrics.verdicts.inc({ kind, verdict });
    if (typeof latencyMs === 'number') this.metrics.judgeLatency.observe({ kind }, latencyMs / 1000);
  }

  /** Sends one subscriber events already counted as delivered to it. */
  private send(subscriber: Subscriber, envelopes: LiveEnvelope[]): void {
    this.sendShares(new Map([[subscriber, envelopes]]));
  }

  /**
   * Sends each subscriber its share of events (already counted as delivered), the ones meant for it only:
   * a candidate never gets a staff event. Subscribers whose shares are the same events get one broadcast.
   */
  private sendShares(shares: ReadonlyMap<Subscriber, readonly LiveEnvelope[]>): void {
    const groups = new Map<string, { envelopes: LiveEnvelope[]; sockets: Socket[] }>();
    for (const [subscriber, share] of shares) {
      const envelopes =
        subscriber.principal.kind === 'candidate'
          ? share.filter((envelope) => CANDIDATE_EVENT_TYPES.includes(envelope.type))
          : [...share];
      if (envelopes.length === 0) continue;
      const key = envelopes.map((envelope) => `${envelope.stream}#${envelope.seq}`).join(' ');
      const group = groups.get(key);
      if (group) group.sockets.push(subscriber.socket);
      else groups.set(key, { envelopes, sockets: [subscriber.socket] });
    }
    const now = Date.now();
    for (const { envelopes, sockets } of groups.values()) {
      for (const envelope of envelopes)
        this.metrics.eventLag.observe(Math.max(0, now - Date.parse(envelope.at)) / 1000);
      if (sockets.length === 1 || !this.namespace) {
        for (const socket of sockets) {
          if (envelopes.length === 1) socket.emit('event', envelopes[0]);
          else socket.emit('events', envelopes);
        }
        continue;
      }
      // One broadcast to this node's sockets only (each socket is in a room named by its id): every node
      // delivers to its own.
      const broadcast = this.namespace.local.to(sockets.map((socket) => socket.id)) as BroadcastOperator;
      if (envelopes.length === 1) broadcast.emit('event', envelopes[0]);
      else broadcast.emit('events', envelopes);
    }
  }
}
