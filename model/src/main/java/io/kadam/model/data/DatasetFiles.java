package io.kadam.model.data;

/** The files a dataset name resolves to; each kind has its own loader. */
public sealed interface DatasetFiles permits TextFile, IdxFiles, CifarDir, C4Shards {
}
