package com.miniamazon.catalog;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** The picture of a product, as its seller uploaded it (after {@link PictureRules} accepted it). */
@Entity
@Table(name = "product_picture")
public class ProductPicture {

    @Id
    @Column(name = "product_id")
    private Long productId;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected ProductPicture() {}

    public ProductPicture(Long productId, String contentType, byte[] content) {
        this.productId = Objects.requireNonNull(productId, "productId");
        replace(contentType, content);
    }

    public void replace(String newContentType, byte[] newContent) {
        this.contentType = Objects.requireNonNull(newContentType, "contentType");
        this.content = Objects.requireNonNull(newContent, "content").clone();
        this.updatedAt = Instant.now();
    }

    public Long getProductId() {
        return productId;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
