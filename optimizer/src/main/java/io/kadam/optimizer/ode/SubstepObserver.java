package io.kadam.optimizer.ode;

/**
 * Sees the state at every Euler step, before the step is taken (e.g. to integrate ‖u_W(t)‖² for
 * Eq. 8 on the fine grid). The arrays are the solver's own: read them, do not keep or modify them.
 */
@FunctionalInterface
public interface SubstepObserver {

    SubstepObserver NONE = (iteration, substep, t, theta, psi, update) -> { };

    /**
     * @param iteration n
     * @param substep   j ∈ [0, K): the state is at t = t_n + j Δt
     * @param psi       θ'(t)
     * @param update    u(t)
     */
    void observe(int iteration, int substep, double t, double[] theta, double[] psi, double[] update);
}
