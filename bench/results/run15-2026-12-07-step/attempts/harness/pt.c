#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <pthread.h>
#include <time.h>
static char *p; static size_t n; static int T;
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
static void *work(void *a){ long k=(long)a; size_t lo=n/T*k, hi=n/T*(k+1); for(size_t i=lo;i<hi;i+=4096)p[i]=1; return 0;}
int main(int c,char**v){ n=(size_t)atol(v[1])<<20; T=atoi(v[2]);
 p=mmap(0,n,PROT_READ|PROT_WRITE,MAP_PRIVATE|MAP_ANONYMOUS,-1,0); madvise(p,n,MADV_HUGEPAGE);
 double t=now(); pthread_t th[8]; for(long k=0;k<T;k++)pthread_create(&th[k],0,work,(void*)k); for(int k=0;k<T;k++)pthread_join(th[k],0);
 printf("%s MiB %d threads: %.3f s (%.2f GB/s)\n",v[1],T,now()-t,n/1e9/(now()-t)); }
