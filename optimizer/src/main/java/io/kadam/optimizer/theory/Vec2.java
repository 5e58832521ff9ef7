package io.kadam.optimizer.theory;

/**
 * A point or a direction in the (β, γ) plane. Unlike {@link AdamPoint} it is not validated:
 * curve ends lie on the boundary of the unit square, and tangents are directions.
 */
public record Vec2(double beta, double gamma) {

    public Vec2 plus(Vec2 o) {
        return new Vec2(beta + o.beta, gamma + o.gamma);
    }

    public Vec2 minus(Vec2 o) {
        return new Vec2(beta - o.beta, gamma - o.gamma);
    }

    public Vec2 times(double k) {
        return new Vec2(k * beta, k * gamma);
    }

    public double dot(Vec2 o) {
        return beta * o.beta + gamma * o.gamma;
    }

    public double norm() {
        return Math.hypot(beta, gamma);
    }

    public Vec2 unit() {
        return times(1.0 / norm());
    }
}
