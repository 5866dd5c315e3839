-- The ledger's durable log: the source of truth every Redis node follows.
-- ledger_head holds the last position handed out; writers lock its single row, so positions are
-- committed in the order they are given (a deliverer reading "after P" never skips a late commit).
create table ledger_head (
    id       int primary key,
    position bigint not null
);
insert into ledger_head (id, position) values (1, 0);

-- kind 'u' = a version (name, author, ts); kind 'r' = a removal of every version before it, whose ts
-- is the tombstone: the newest timestamp it removed (an update must be newer to be accepted).
create table ledger_log (
    position  bigint primary key,
    kind      char(1) not null,
    name      varchar(255) not null,
    author    varchar(1000),
    ts        bigint not null,
    logged_at timestamp not null default current_timestamp
);
create index ledger_log_name on ledger_log (name, position);

-- nodes added through the API (nodes from QUINTET_LEDGER_NODES are not stored)
create table ledger_node (
    url      varchar(255) primary key,
    added_at timestamp not null default current_timestamp
);

-- one row per node: which instance delivers to it until when (the lock), and what it last reported
create table ledger_lease (
    url        varchar(255) primary key,
    owner      varchar(255) not null,
    expires_ms bigint not null,
    state      varchar(20) not null,
    applied    bigint not null,
    last_error varchar(1000),
    updated_ms bigint not null
);
