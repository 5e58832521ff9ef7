/**
 * Memory rules between Java and libtorch, in one place: tensors own their memory
 * ({@link io.kadam.optimizer.tensor.HostCopy}) and views of it hold the tensor they view
 * ({@link io.kadam.optimizer.tensor.HostView}). Nothing else in the project makes a tensor from a
 * Java buffer or a buffer from a tensor.
 */
package io.kadam.optimizer.tensor;
