-- Each event of a drafting room is announced on the channel consensus_event (its document's id),
-- so that servers on PostgreSQL wake their open streams at once instead of polling the table.
-- The announcement leaves with the commit, never before it.
create function consensus_event_notify() returns trigger language plpgsql as $$
begin
  perform pg_notify('consensus_event', new.document_id::text);
  return new;
end;
$$;

create trigger consensus_event_notify_trg after insert on consensus_event
  for each row execute function consensus_event_notify();
